package pp;

/** Unchanged class implementing a rewritten package-private interface. */
class Polite implements Greeting {
    public String name() {
        return "polite";
    }
}
