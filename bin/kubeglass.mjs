#!/usr/bin/env node
// Runs the Kubeglass CLI from its TypeScript sources (the same engine the browser app runs).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
