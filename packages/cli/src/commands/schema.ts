import { registerJsonSchemaText } from '@crr/core';
import { EXIT, type Io } from '../io.js';

export function schemaCommand(io: Io): number {
  io.stdout.write(registerJsonSchemaText());
  return EXIT.ok;
}
