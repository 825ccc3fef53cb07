// What the bot needs only on the way to a person (or for `alwaysHuman`): loaded then, in its own chunk.
export { categoryOfText, classify } from '@helpdock/kb';
export { planIntake } from './intake.ts';
