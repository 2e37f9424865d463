import { useEffect, useMemo, useState } from 'react';
import { useAppServices } from '../AppServices';

/** The exam years a rule set of `probation` is published for (`appliesTo.examYear`); none when the user may not read them. */
async function rulesetYears(load: () => Promise<Array<{ content: { appliesTo?: { examYear?: number } } }>>): Promise<number[]> {
  try {
    return (await load()).map((r) => r.content.appliesTo?.examYear).filter((y): y is number => typeof y === 'number');
  } catch {
    return [];
  }
}

/**
 * The exam year a pre-registration page shows, and the years to choose from: those with published
 * probation rules and the years around now. Starts at the latest year with rules (else this year).
 */
export function useExamYear(now = new Date()): { year: number; setYear(year: number): void; years: number[] } {
  const { api } = useAppServices();
  const current = now.getFullYear();
  const [year, setYear] = useState(current);
  const [ruled, setRuled] = useState<number[]>([]);
  useEffect(() => {
    let live = true;
    void rulesetYears(() => api.rulesets('probation')).then((years) => {
      if (!live || years.length === 0) return;
      setRuled(years);
      setYear(Math.max(...years.filter((y) => y <= current + 1), Math.min(...years)));
    });
    return () => { live = false; };
  }, [api, current]);
  const years = useMemo(() => [...new Set([...ruled, current - 1, current, current + 1, year])].sort((a, b) => b - a), [ruled, current, year]);
  return { year, setYear, years };
}
