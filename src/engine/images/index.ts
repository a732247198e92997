// The simulated container images: catalogue, reference grammar, registry, programs and logs.
export { IMAGES, FALLBACK_IMAGE, lookupImage, imageProfile } from './catalogue';
export type { ImageProfile, ImageKind, ListenSpec, HttpAnswer, AppProtocol } from './catalogue';
export { parseImageReference, defaultPullPolicy, invalidImageMessage, DEFAULT_DOMAIN, DEFAULT_TAG } from './reference';
export type { ImageReference, ParseResult } from './reference';
export { pullOutcome, pullDurationMs, imageDigest, PULL_BYTES_PER_SECOND, PULL_LATENCY_MS } from './registry';
export type { PullOutcome } from './registry';
export { simulateContainer, effectiveArgv } from './simulate';
export type { ContainerProgram, ContainerProgramInput } from './simulate';
export { runScript, tokenize, sleepMs } from './shell';
export type { Timeline, TimelineEvent, ShellOptions } from './shell';
export { programLogs, programLogEntries, accessLogLine, fileExistsAt, busyboxDate } from './logs';
export type { LogEntry } from './logs';
export { listenerAt, httpAnswerAt } from './answers';
