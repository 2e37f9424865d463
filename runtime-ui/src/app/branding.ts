/** The product's name as users know it (guide: 湖北省卫生健康基础资源综合管理系统). */
export const SYSTEM_NAME = '湖北省卫生健康基础资源综合管理系统';
