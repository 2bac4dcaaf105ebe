// Checks the three runs of invoker.properties (build.log) and the generated project.
import java.util.zip.ZipFile

def project = new File(basedir, 'generated')
def log = new File(basedir, 'build.log').getText('UTF-8')

// 1. generated: the package chosen, nothing left of the templates, a standalone pom
def handler = new File(project, 'src/main/java/it/bricks/app/GreetingFunction.java')
assert handler.isFile() : 'no handler in the chosen package'
assert handler.text.startsWith('package it.bricks.app;\n')
project.eachFileRecurse(groovy.io.FileType.FILES) { file ->
    if (file.path.contains('/target/')) return
    def text = file.getText('UTF-8')
    assert !text.contains('@@') && !text.contains('symbol_') && !text.contains('#set') : "template left in ${file}"
}
def pom = new File(project, 'pom.xml').getText('UTF-8')
assert !pom.contains('<parent>') && !pom.contains('../') : 'the generated pom refers to the repository'
assert pom.contains('<artifactId>bricks-dependencies</artifactId>') && pom.contains('${bricks.version}')
def template = new File(project, 'template.yaml').getText('UTF-8')
assert template.contains('CodeUri: target/generated-1.0-lambda.zip') && template.contains('Handler: it.bricks.app.GreetingFunction')
assert template.contains('!Sub "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}"') : 'template.yaml mangled'
assert new File(project, 'events/greeting.json').text.contains('"stage": "$default"') : 'the sample event mangled'
assert new File(project, 'README.md').text.startsWith('# generated\n')

// 2. verify: the tests ran and passed, the zip is what the template points at
assert log =~ /Tests run: 5, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.bricks\.app\.GreetingFunctionTest/ : 'GreetingFunctionTest did not pass'
def zip = new ZipFile(new File(project, 'target/generated-1.0-lambda.zip'))
def names = zip.entries().collect { it.name }
zip.close()
assert names.contains('lib/generated-1.0.jar') && names.any { it ==~ /lib\/bricks-core-.+\.jar/ } : "zip: ${names}"
assert !names.any { it.contains('bricks-test') || it.contains('junit') } : "a test dependency in the zip: ${names}"
assert !names.any { it.contains('bricks-core-processor') } : "the compile-time processor in the zip: ${names}"
def jar = new ZipFile(new File(project, 'target/generated-1.0.jar'))
def classes = jar.entries().collect { it.name }
jar.close()
assert classes.contains('it/bricks/app/GreetingFunction$$BricksRoutes.class') : "no generated routes: ${classes}"
assert classes.contains('it/bricks/app/GreetingFunction$GreetingRequest$$BricksRecord.class') : "no generated constraints: ${classes}"

// 3. bricks:invoke on the sample event
assert log.contains('"statusCode":200') && log.contains('Hello, Ada!') : 'bricks:invoke printed no greeting'
assert log =~ /REPORT RequestId: [0-9a-f-]{36}\tDuration: / : 'bricks:invoke printed no REPORT line'
return true
