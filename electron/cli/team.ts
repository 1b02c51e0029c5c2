import type { Command } from 'commander';

export function registerTeamCommands(_program: Command): void {}
