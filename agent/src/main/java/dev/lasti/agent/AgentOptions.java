package dev.lasti.agent;

/**
 * What the {@code -javaagent:lasti-agent.jar=OPTIONS} flag asked for.
 *
 * @param verbose print one line per rewritten class on standard error
 */
record AgentOptions(boolean verbose) {
    /** Parses a comma-separated option list; {@code null} or empty means the defaults. */
    static AgentOptions parse(String text) {
        boolean verbose = false;
        if (text != null && !text.isBlank()) {
            for (String option : text.split(",")) {
                switch (option.trim()) {
                    case "verbose" -> verbose = true;
                    default -> throw new IllegalArgumentException("lasti agent: unknown option '" + option.trim()
                            + "'; the only option is 'verbose' (-javaagent:lasti-agent.jar=verbose)");
                }
            }
        }
        return new AgentOptions(verbose);
    }
}
