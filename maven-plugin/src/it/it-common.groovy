// Helpers for verify.groovy scripts: `def it = evaluate(new File(itSources, 'it-common.groovy'))`.
// They read build.log and fail with the log's lasti and ERROR lines in the message, so a failure explains
// itself. A needle is a plain string (must occur verbatim) or a Pattern (must match some line).
def found = { String log, needle ->
    needle instanceof java.util.regex.Pattern ? log.readLines().any { needle.matcher(it).find() }
            : log.contains(needle)
}
def context = { String log ->
    log.readLines().findAll { it.contains('lasti') || it.startsWith('[ERROR]') }.join('\n')
}
[
    log: { File dir -> new File(dir, 'build.log').getText('UTF-8') },
    expect: { String log, needle ->
        if (!found(log, needle)) {
            throw new AssertionError("build.log lacks: ${needle}\n--- lasti and error lines ---\n${context(log)}")
        }
    },
    reject: { String log, needle ->
        if (found(log, needle)) {
            throw new AssertionError("build.log should not contain: ${needle}\n--- lasti lines ---\n${context(log)}")
        }
    },
]
