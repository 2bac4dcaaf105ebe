// Checks the three runs of invoker.properties (build.log), and that the generated project renders the example
// back exactly (../../../../src/it/example-diff.groovy).
def example = new File(basedir, '../../../../../examples/thumbnail-app').canonicalFile
def project = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').getText('UTF-8')

assert project.isDirectory() : 'archetype:generate wrote no project'
def diff = evaluate(new File(basedir, '../../../../src/it/example-diff.groovy'))
def compared = diff(example, project, 'com.example.thumbnails', 'it.bricks.app', [])
assert compared > 10 : "only ${compared} files compared"
assert new File(project, 'src/main/java/it/bricks/app/ThumbnailFunction.java').text.startsWith('package it.bricks.app;')

// standalone: no parent, no path into this repository, every version from bricks-dependencies or pinned
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert !pom.contains('<parent>') && !pom.contains('relativePath') && !pom.contains('../') : 'the generated pom refers to the repository'
assert pom.contains('<artifactId>bricks-dependencies</artifactId>') && pom.contains('<scope>import</scope>')
assert pom.contains('<groupId>it.bricks</groupId>') && pom.contains('<artifactId>generated</artifactId>')
assert new File(project, 'README.md').text.startsWith('# generated\n')

// 2. the generated project's verify: unit tests, the zip, ThumbnailAppIT on bricks-local
assert new File(project, 'target/generated.zip').isFile() : 'no zip'
def reports = new File(project, 'target/surefire-reports').listFiles().findAll { it.name.endsWith('.xml') }*.name
assert reports.any { it.contains('ThumbnailAppIT') } && reports.any { it.contains('ThumbnailerTest') } : "tests missing: ${reports}"

// 3. bricks:invoke on the sample event: rejected for its size, no S3 request, the invocation succeeds
assert log =~ /"message":"image rejected".*"reason":"FILE_TOO_LARGE"|"reason":"FILE_TOO_LARGE".*"message":"image rejected"/ : 'bricks:invoke printed no rejection'
assert log =~ /REPORT RequestId: [0-9a-f-]{36}\tDuration: / : 'bricks:invoke printed no REPORT line'
return true
