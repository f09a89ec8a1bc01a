package dev.lasti.maven;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documented set-up honest: the {@code basic} integration test builds a project from exactly the
 * snippet users copy. The snippet comes from the README's "Use it in your build" section when the README has
 * one, else from {@code docs/use-it-in-your-build.md}.
 */
class ReadmeSnippetTest {
    private static final Path REPO = Path.of("..");
    private static final String SECTION = "Use it in your build";

    @Test
    void basicIntegrationTestUsesExactlyTheDocumentedSnippet() throws IOException {
        String snippet = documentedSnippet();
        String version = System.getProperty("project.version");
        String pom = Files.readString(Path.of("src/it/basic/pom.xml")).replace("@project.version@", version);

        String indented = indent(snippet, "  ");

        assertTrue(pom.contains(indented), "src/it/basic/pom.xml must contain, indented by two spaces, the"
                + " snippet of " + snippetSource() + ":\n" + indented);
    }

    @Test
    void snippetAddsTheRuntimeAndBothGoals() throws IOException {
        String snippet = documentedSnippet();

        for (String needle : List.of("<artifactId>lasti-runtime</artifactId>",
                "<artifactId>lasti-maven-plugin</artifactId>", "<goal>transform</goal>",
                "<goal>transform-test</goal>", "<version>" + System.getProperty("project.version") + "</version>")) {
            assertTrue(snippet.contains(needle), "snippet lacks " + needle);
        }
    }

    private static Path snippetSource() throws IOException {
        Path readme = REPO.resolve("README.md");
        if (Files.isRegularFile(readme) && section(Files.readString(readme)) != null) {
            return readme;
        }
        return REPO.resolve("docs/use-it-in-your-build.md");
    }

    /** The first xml code block after the section heading. */
    private static String documentedSnippet() throws IOException {
        Path source = snippetSource();
        String text = Files.readString(source);
        String section = source.endsWith("README.md") ? section(text) : text;
        Matcher m = Pattern.compile("```xml\\R(.*?)\\R```", Pattern.DOTALL).matcher(section);
        assertTrue(m.find(), source + " has no ```xml block in \"" + SECTION + "\"");
        return m.group(1).replace("\r\n", "\n");
    }

    /** The text from a heading named {@link #SECTION} to the next heading of the same or higher level. */
    private static String section(String markdown) {
        Matcher heading = Pattern.compile("(?m)^(#+)\\s+" + Pattern.quote(SECTION) + "\\s*$").matcher(markdown);
        if (!heading.find()) {
            return null;
        }
        int level = heading.group(1).length();
        Matcher next = Pattern.compile("(?m)^#{1," + level + "}\\s").matcher(markdown);
        int end = next.find(heading.end()) ? next.start() : markdown.length();
        return markdown.substring(heading.end(), end);
    }

    private static String indent(String block, String prefix) {
        return block.lines().map(l -> l.isEmpty() ? l : prefix + l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
