import type { AgreementReport, AgreementRow, ReliabilitySample } from '../../shared/api/team';
import { formatCoefficient, formatInterval, formatShare } from '../../shared/reliability/format';
import type { MethodsDocument } from '../formats/reports/methods';

// The words of the methods paragraph. Every coefficient named is cited; the
// thresholds are Krippendorff's; the bootstrap says what it resamples and why.

export const REFERENCES = {
  bp: 'Brennan, R. L., & Prediger, D. J. (1981). Coefficient kappa: Some uses, misuses, and alternatives. Educational and Psychological Measurement, 41(3), 687–699.',
  kappa: 'Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological Measurement, 20(1), 37–46.',
  ac1: 'Gwet, K. L. (2008). Computing inter-rater reliability and its variance in the presence of high agreement. British Journal of Mathematical and Statistical Psychology, 61(1), 29–48.',
  bootstrap:
    'Hayes, A. F., & Krippendorff, K. (2007). Answering the call for a standard reliability measure for coding data. Communication Methods and Measures, 1(1), 77–89.',
  content: 'Krippendorff, K. (2004). Content analysis: An introduction to its methodology (2nd ed.). Sage.',
  uAlpha: 'Krippendorff, K. (2004). Measuring the reliability of qualitative text analysis data. Quality & Quantity, 38(6), 787–800.',
  alpha: "Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability. University of Pennsylvania. https://repository.upenn.edu/asc_papers/43",
  u2016:
    'Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the reliability of unitizing textual continua: Further developments. Quality & Quantity, 50(6), 2347–2364.',
};

const f = formatCoefficient;
const withCi = (v: number | null, ci: [number, number] | null | undefined) => (ci ? `${f(v)}, 95 % CI ${formatInterval(ci)}` : f(v));
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

function sampleSentence(s: ReliabilitySample, total: number): string {
  const size = 'documents' in s.size ? count(s.size.documents, 'document') : `${s.size.percent} %`;
  const strata = s.stratifiedBy ? `, ${size} from each combination of ${s.stratifiedBy}` : `, ${size} of the ${count(total, 'document')}`;
  return `The documents were the reliability sample "${s.name}": ${count(s.documents.length, 'document')} drawn at random${strata}, with Fieldcode's seeded draw (seed ${s.seed}), and coded independently by each coder in their own copy of the project.`;
}

function band(rows: AgreementRow[]): string {
  const defined = rows.filter((r) => r.alpha !== null);
  const reliable = defined.filter((r) => r.alpha! >= 0.8).length;
  const tentative = defined.filter((r) => r.alpha! >= 0.667 && r.alpha! < 0.8).length;
  const below = defined.length - reliable - tentative;
  const undefinedCount = rows.length - defined.length;
  return (
    `Following Krippendorff (2004b), we rely on codes with α ≥ 0.800 and draw only tentative conclusions from codes with 0.667 ≤ α < 0.800: ` +
    `${count(reliable, 'code')} reached 0.800, ${count(tentative, 'code')} lay between 0.667 and 0.800, and ${count(below, 'code')} fell below 0.667` +
    (undefinedCount ? `; for ${count(undefinedCount, 'code')} alpha is undefined (no variation in the data).` : '.')
  );
}

export function methodsDocument(r: AgreementReport, sample: ReliabilitySample | null, totalDocuments: number): MethodsDocument {
  const two = r.coders.length === 2;
  const unit =
    r.unit === 'char' ? 'each character of the transcripts (UTF-16 code unit)' : 'each speaker turn (a turn counts as coded when any of its characters is)';
  const p = r.pooled;
  const paragraphs = [
    `${list(r.coders.map((c) => c.name))} coded ${count(r.documents.length, 'document')} independently. ` +
      (sample ? sampleSentence(sample, totalDocuments) + ' ' : '') +
      `Agreement was assessed for each of the ${count(r.codes.length, 'code')} applied, taking ${unit} as a unit and each code as a binary judgement (applied or not), ${count(p.units, 'unit')} per code in all.`,
    `We report Krippendorff's alpha (nominal; Krippendorff, 2011)` +
      (two ? ", Cohen's kappa (Cohen, 1960)" : '') +
      `, and, because most codes cover a small share of the text — which depresses chance-corrected coefficients whose expected agreement grows with prevalence — Gwet's AC1 (Gwet, 2008) and Brennan and Prediger's coefficient (Brennan & Prediger, 1981), with percent agreement. ` +
      `Since the coders also decided where each coded segment begins and ends, we report Krippendorff's unitizing alpha αU for each code (Krippendorff, 2004a), in which the gaps between a coder's segments are units too and disagreement weighs the squared lengths by which segments differ, and, over all codes, the unitizing coefficients of Krippendorff, Mathet, Bouvry and Widlöcher (2016): uα for all codes and the gaps, |uα for coded against uncoded text and cuα for the choice of code where the coders' segments intersect.` +
      (r.bootstrap
        ? ` Confidence intervals are 95 % percentile intervals of Krippendorff's bootstrap (Hayes & Krippendorff, 2007) with ${r.bootstrap.draws.toLocaleString('en')} resamples (seed ${r.bootstrap.seed}); documents rather than characters were resampled, because the characters of one document are not independent judgements.`
        : ''),
    `Pooled over all codes, α = ${withCi(p.alpha, p.ci?.alpha)}` +
      (two ? `, κ = ${f(p.kappa)}` : '') +
      `, AC1 = ${f(p.ac1)}, Brennan–Prediger = ${f(p.bp)}, percent agreement ${formatShare(p.percentAgreement)}; αU = ${withCi(p.uAlpha, p.ci?.uAlpha)}, uα = ${f(p.uAlpha2016)}, |uα = ${f(p.binaryUAlpha)}, cuα = ${f(p.cuAlpha)}.` +
      (p.pBelow ? ` The bootstrap puts the probability that α lies below 0.667 at ${f(p.pBelow['0.667'])} and below 0.800 at ${f(p.pBelow['0.8'])}.` : ''),
    band(r.codes),
  ];
  const header = [
    'Code',
    'α',
    ...(r.bootstrap ? ['α 95 % CI'] : []),
    'αU',
    ...(r.bootstrap ? ['αU 95 % CI'] : []),
    ...(two ? ['κ'] : []),
    'AC1',
    'BP',
    '% agreement',
  ];
  const rowOf = (x: AgreementRow, name: string) => [
    name,
    f(x.alpha),
    ...(r.bootstrap ? [formatInterval(x.ci?.alpha)] : []),
    f(x.uAlpha),
    ...(r.bootstrap ? [formatInterval(x.ci?.uAlpha)] : []),
    ...(two ? [f(x.kappa)] : []),
    f(x.ac1),
    f(x.bp),
    formatShare(x.percentAgreement),
  ];
  const references = [
    REFERENCES.bp,
    ...(two ? [REFERENCES.kappa] : []),
    REFERENCES.ac1,
    ...(r.bootstrap ? [REFERENCES.bootstrap] : []),
    `${REFERENCES.uAlpha} [2004a]`,
    `${REFERENCES.content} [2004b]`,
    REFERENCES.alpha,
    REFERENCES.u2016,
  ];
  return {
    title: 'Inter-coder reliability',
    paragraphs,
    table: { header, rows: [...r.codes.map((x) => rowOf(x, x.code ?? '')), rowOf(p, 'All codes (pooled)')] },
    note: `α: Krippendorff's alpha; αU: unitizing alpha; ${two ? 'κ: Cohen’s kappa; ' : ''}AC1: Gwet's AC1; BP: Brennan–Prediger. "—": undefined for these data.`,
    references,
  };
}
