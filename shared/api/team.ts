// Coder copies, merging project files, inter-coder agreement, consensus (filled in by the teamwork work).
export const teamApi = {};
