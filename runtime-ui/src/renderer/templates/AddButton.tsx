import { PlusOutlined } from '@ant-design/icons';
import { TranslatableString, type IconButtonProps } from '@rjsf/utils';
import { Button } from 'antd';

/** "添加一项" in words, not a bare icon: clerks should not have to guess what a plus sign adds. */
export function AddButton({ id, className, onClick, disabled, registry }: IconButtonProps) {
  return (
    <Button id={id} className={className} type="dashed" block icon={<PlusOutlined />} disabled={disabled}
      onClick={onClick as () => void} autoInsertSpace={false}>
      {registry.translateString(TranslatableString.AddItemButton)}
    </Button>
  );
}
