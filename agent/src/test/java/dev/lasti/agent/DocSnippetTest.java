package dev.lasti.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Surefire setup in docs/use-it-in-your-build.md is what the invoker IT {@code surefire-argline}
 * builds: its XML blocks, line by line (indentation aside), are the IT pom's marked snippets.
 */
class DocSnippetTest {
    private static final Path DOC = LoadTimeTransformerTest.moduleDir().resolve("../docs/use-it-in-your-build.md");
    private static final Path IT_POM = LoadTimeTransformerTest.moduleDir().resolve("src/it/surefire-argline/pom.xml");

    @Test
    void theDocumentedSurefireSetupIsTheOneTheIntegrationTestBuilds() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("### Maven Surefire");
        assertTrue(start >= 0, "no Surefire section in " + DOC);
        String section = doc.substring(start, doc.indexOf("\n#", start + 1));
        List<List<String>> documented = blocks(Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL), section);

        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        String pom = Files.readString(IT_POM).replace("@project.version@", version);
        List<List<String>> built = blocks(Pattern.compile("<!-- snippet: [a-z-]+ -->\n(.*?)<!-- end snippet -->",
                Pattern.DOTALL), pom);

        assertEquals(2, documented.size(), "the dependency and the two plugins, in two blocks");
        assertEquals(built, documented);
    }

    private static List<List<String>> blocks(Pattern pattern, String text) {
        List<List<String>> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        }
        return out;
    }
}
