// From a KubeSchedulerConfiguration document (or none) to ready profiles, one per schedulerName.
import { defaultConfiguration, type KubeSchedulerConfiguration } from './config';
import { Profile } from './framework';

export interface ResolvedSchedulerConfig {
  config: KubeSchedulerConfiguration;
  profiles: Profile[];
  /** Validation messages; profiles that failed to build are left out. */
  errors: string[];
}

export function resolveSchedulerConfig(doc?: Record<string, any> | null): ResolvedSchedulerConfig {
  const { config, errors } = defaultConfiguration(doc);
  const profiles: Profile[] = [];
  config.profiles.forEach((p, i) => {
    try {
      profiles.push(new Profile(p));
    } catch (e) {
      errors.push(`profiles[${i}] (${p.schedulerName}): ${(e as Error).message}`);
    }
  });
  return { config, profiles, errors };
}

/** The single default-scheduler profile with all default plugins. */
export function defaultProfile(): Profile {
  return resolveSchedulerConfig().profiles[0];
}

/** The profile a pod asks for (spec.schedulerName, default "default-scheduler"), if any. */
export function profileForPod(profiles: Profile[], schedulerName: string | undefined): Profile | undefined {
  const name = schedulerName || 'default-scheduler';
  return profiles.find((p) => p.schedulerName === name);
}
