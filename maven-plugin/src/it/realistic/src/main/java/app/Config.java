package app;

/** Package-private configuration, no @Async. */
class Config {
    final int retries;

    Config(int retries) {
        this.retries = retries;
    }
}
