import type { AgreementRow } from '../../../shared/api/team';

// The coefficients the agreement table shows, in its column order; the lead picks
// one to drive the colour scale (and the "lowest first" order).

export type Coefficient = 'alpha' | 'kappa' | 'ac1' | 'bp' | 'uAlpha';

export const COEFFICIENTS: { key: Coefficient; label: string; title: string }[] = [
  { key: 'kappa', label: 'Cohen’s κ', title: "Cohen's kappa (two coders only)" },
  { key: 'alpha', label: 'Krippendorff’s α', title: "Krippendorff's alpha, nominal" },
  { key: 'ac1', label: 'Gwet’s AC1', title: "Gwet's AC1: chance agreement robust to codes that cover little text" },
  { key: 'bp', label: 'Brennan–Prediger', title: 'Brennan and Prediger: chance agreement 1/2' },
  { key: 'uAlpha', label: 'Unitizing αU', title: "Krippendorff's (2004) unitizing alpha: also weighs where segments begin and end" },
];

export const valueOf = (row: AgreementRow, c: Coefficient): number | null => row[c];
