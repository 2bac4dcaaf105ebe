// Shared by the order-app and thumbnail-app archetypes' verify.groovy: proves a generated project renders its
// example back. Every file of examples/<name> the archetype carries must equal the generated one after exactly
// the replacements generate-from-example.xml documents (package, repository paths, zip names) — so Velocity
// mangled no '$', '#' or '\'. Returns a closure (example dir, generated dir, example package, generated package,
// excluded test files) → the number of files compared; it fails at the first line that differs.
return { File example, File project, String examplePackage, String generatedPackage, List<String> excluded ->
    def name = example.name
    def expected = { String text ->
        text.replace(examplePackage, generatedPackage)
            .replace("-pl examples/${name} -am ", '')
            .replace("APP_DIR: examples/${name}", 'APP_DIR: .')
            .replace("examples/${name}/", '')
            .replace('./mvnw ', 'mvn ')
            .replace("target/${name}", "target/${project.name}")
    }
    def fromPath = examplePackage.replace('.', '/')
    def toPath = generatedPackage.replace('.', '/')
    def carried = { String path ->
        if (path.startsWith("src/main/java/${fromPath}/") || path.startsWith("src/test/java/${fromPath}/")) {
            return excluded.any { path.endsWith('/' + it) } ? null : path.replace(fromPath, toPath)
        }
        def top = ['template.yaml', 'events/', 'src/assembly/', 'src/main/resources/', 'src/test/resources/', '.github/']
        return top.any { path == it || (it.endsWith('/') && path.startsWith(it)) } ? path : null
    }
    int compared = 0
    example.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        def relative = example.toPath().relativize(file.toPath()).toString()
        def path = carried(relative)
        if (path == null) return
        def generated = new File(project, path)
        assert generated.isFile() : "not generated: ${path}"
        def want = expected(file.getText('UTF-8')).readLines()
        def got = generated.getText('UTF-8').readLines()
        def line = (0..<Math.max(want.size(), got.size())).find { want[it] != got[it] }
        assert line == null : "${path} differs from examples/${name}/${relative} at line ${line + 1}:\n" +
                "  example (after the replacements): ${want[line]}\n  generated:                        ${got[line]}"
        compared++
    }
    return compared
}
