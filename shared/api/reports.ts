// Coded-segment reports, matrices, charts, REFI-QDA (filled in by the reports work).
export const reportsApi = {};
