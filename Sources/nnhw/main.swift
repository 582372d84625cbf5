let outcome = Program.run(Array(CommandLine.arguments.dropFirst()))
System.writeOutput(outcome.output)
System.writeError(outcome.error)
System.exit(outcome.status)
