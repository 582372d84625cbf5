System.ignoreBrokenPipes()
let outcome = Program.run(Array(CommandLine.arguments.dropFirst()))
for file in outcome.files {
    if let reason = System.writeFile(file.contents, atPath: file.path) {
        System.writeError(outcome.error + Program.fileFailure(file.path, reason))
        System.exit(Program.fileFailureStatus)
    }
}
if let reason = System.writeOutput(outcome.output) {
    System.writeError(outcome.error + Program.outputFailure(reason))
    System.exit(Program.outputFailureStatus)
}
System.writeError(outcome.error)
System.exit(outcome.status)
