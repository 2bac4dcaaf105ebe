// Checks the three runs of invoker.properties (build.log) and proves the archetype renders the example back:
// every file of examples/order-app it carries equals the generated one after exactly the documented replacements
// (package, repository paths, zip names), so Velocity mangled no '$', '#' or '\'.
def example = new File(basedir, '../../../../../examples/order-app').canonicalFile
def project = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert project.isDirectory() : 'archetype:generate wrote no project'
def expected = { String text ->
    text.replace('com.example.orders', 'it.bricks.app')
        .replace('-pl examples/order-app -am ', '')
        .replace('APP_DIR: examples/order-app', 'APP_DIR: .')
        .replace('examples/order-app/', '')
        .replace('./mvnw ', 'mvn ')
        .replace('target/order-app', 'target/generated')
}
def compared = 0
def carried = { File file ->
    def path = example.toPath().relativize(file.toPath()).toString()
    if (path.startsWith('src/main/java/com/example/orders/')) return path.replace('com/example/orders', 'it/bricks/app')
    if (path.startsWith('src/test/java/com/example/orders/')) {
        return path.endsWith('DeployWorkflowTest.java') ? null : path.replace('com/example/orders', 'it/bricks/app')
    }
    if (path == 'template.yaml' || path.startsWith('events/') || path.startsWith('src/assembly/') || path.startsWith('.github/')) return path
    return null
}
example.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    def path = carried(file)
    if (path == null || path.contains('/target/') || path.startsWith('target/')) return
    def generated = new File(project, path)
    assert generated.isFile() : "not generated: ${path}"
    def want = expected(file.getText('UTF-8'))
    def got = generated.getText('UTF-8')
    if (got != want) {
        def wantLines = want.readLines(), gotLines = got.readLines()
        def i = (0..<Math.min(wantLines.size(), gotLines.size())).find { wantLines[it] != gotLines[it] } ?: Math.min(wantLines.size(), gotLines.size())
        assert false : "${path} differs from the example at line ${i + 1}:\n  example:   ${i < wantLines.size() ? wantLines[i] : '<end>'}\n  generated: ${i < gotLines.size() ? gotLines[i] : '<end>'}"
    }
    compared++
}
assert compared > 25 : "only ${compared} files compared"
assert new File(project, 'src/main/java/it/bricks/app/PlaceOrderFunction.java').text.startsWith('package it.bricks.app;')

// standalone: no parent, no path into this repository, every version from bricks-dependencies or pinned
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert !pom.contains('<parent>') && !pom.contains('relativePath') && !pom.contains('../') : 'the generated pom refers to the repository'
assert pom.contains('<artifactId>bricks-dependencies</artifactId>') && pom.contains('<scope>import</scope>')
assert pom.contains('<groupId>it.bricks</groupId>') && pom.contains('<artifactId>generated</artifactId>')
assert new File(project, 'README.md').text.startsWith('# generated\n')

// 2. the generated project's verify: unit tests, both zips, OrderAppIT on bricks-local
assert new File(project, 'target/generated.zip').isFile() && new File(project, 'target/generated-mail.zip').isFile() : 'no zips'
def reports = new File(project, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.xml') }*.name
assert reports.any { it.contains('OrderAppIT') } : "OrderAppIT did not run: ${reports}"
assert !reports.any { it.contains('ReliabilityIT') } : 'ReliabilityIT ran despite -DskipReliabilityITs'

// 3. bricks:invoke on the sample event
assert log.contains('"isAuthorized":false') : 'bricks:invoke printed no authorizer answer'
assert log =~ /REPORT RequestId: [0-9a-f-]{36}\tDuration: / : 'bricks:invoke printed no REPORT line'
return true
