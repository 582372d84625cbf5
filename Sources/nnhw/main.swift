System.ignoreBrokenPipes()
let outcome = Program.run(Array(CommandLine.arguments.dropFirst()))
if let reason = System.writeOutput(outcome.output) {
    System.writeError(outcome.error + Program.outputFailure(reason))
    System.exit(Program.outputFailureStatus)
}
System.writeError(outcome.error)
System.exit(outcome.status)
