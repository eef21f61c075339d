import { readFileSync } from "fs"
import { join } from "path"
import { readStatementFile } from "../read-statement-file"

/** A statement file of __tests__/files, read as the upload reads it. */
export function statementFixture(name: string) {
  return readStatementFile(statementFixtureBytes(name))
}

export function statementFixtureBytes(name: string): Buffer {
  return readFileSync(join(__dirname, "files", name))
}
