// Colours for codes. A coder's highlight colours must stay tellable apart for the
// roughly one in twelve men with a colour-vision deficiency, so the list opens with
// the Okabe–Ito palette (in the order the NSSP branches use it) and continues with
// tones from Paul Tol's muted scheme that Okabe–Ito lacks. Black is left out: it
// hides the text it highlights. New codes take the next colour in turn.
export const CODE_PALETTE: string[] = [
  // Okabe–Ito
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
  // Paul Tol, muted
  '#332288', // indigo
  '#882255', // wine
  '#999933', // olive
  '#CC6677', // rose
  '#AA4499', // purple
  '#BBBBBB', // pale grey
];
