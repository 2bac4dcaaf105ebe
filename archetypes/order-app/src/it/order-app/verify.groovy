// Checks the three runs of invoker.properties (build.log), and that the generated project renders the example
// back exactly (../../../../src/it/example-diff.groovy).
def example = new File(basedir, '../../../../../examples/order-app').canonicalFile
def project = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert project.isDirectory() : 'archetype:generate wrote no project'
def diff = evaluate(new File(basedir, '../../../../src/it/example-diff.groovy'))
def compared = diff(example, project, 'com.example.orders', 'it.bricks.app', ['DeployWorkflowTest.java'])
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
