// Checks every invocation of invoker.properties from build.log (the runs append to it) and the files they wrote.
// Each assert has a message, so a failure names the case instead of printing the whole log.
import java.util.zip.ZipFile

def log = new File(basedir, 'build.log').getText('UTF-8')

// 1. bricks:invoke prints the handler's response and Lambda's REPORT line
assert log.contains('"statusCode":200') : 'invoke printed no 200 response'
assert log.contains('hello it') : 'invoke printed no greeting'
assert log =~ /REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB/ : 'invoke printed no REPORT line'

// 2. a handler class that does not exist
assert log.contains('handler class it.hello.Nope does not exist: it is neither in') : 'no error naming the missing handler class'
// 3. an event file that is not JSON
assert log =~ /event file \S+not-json\.json is not JSON at line 1, column \d+: Unrecognized token 'hello'/ : 'no error naming the event file that is not JSON'
// 4. a missing template
assert log =~ /no SAM template at \S+no-such-template\.yaml: put template\.yaml next to pom\.xml or set -Dbricks\.template/ : 'no error naming the missing template'
// none of the user's mistakes shows a stack trace
assert !(log =~ /\n\s+at (dev\.bricks|org\.apache\.maven)\./) : 'a stack trace reached the user'

// 5. bricks:run served the route (setup.groovy called it), then stopped
def served = new File(basedir, 'served.txt')
assert served.isFile() : 'nothing answered GET /hello/it during bricks:run'
def answer = served.getText('UTF-8')
assert answer.startsWith('200 ') && answer.contains('"message":"hello it"') : "GET /hello/it answered ${answer}"
assert log.contains('GET /hello/{name}') : 'no route in the start-up table'
assert log.contains('bricks:run stopped') : 'bricks:run did not stop after -Dbricks.runFor'

// the zip: lib/*.jar only, the project jar and its runtime dependencies, no test dependencies
def zip = new ZipFile(new File(basedir, 'target/hello-1.0-lambda.zip'))
def names = zip.entries().collect { it.name }.sort()
zip.close()
assert names.every { it ==~ /lib\/[^\/]+\.jar/ } : "not all entries are lib/*.jar: ${names}"
assert names.contains('lib/hello-1.0.jar') : "no project jar: ${names}"
assert names.any { it ==~ /lib\/bricks-core-.+\.jar/ } : "no bricks-core: ${names}"
assert names.any { it ==~ /lib\/aws-lambda-java-core-.+\.jar/ } : "no transitive dependency: ${names}"
assert !names.any { it.contains('assertj') } : "a test dependency in the zip: ${names}"

// 6. bricks:archive trained a class-data archive and explained where it fits
def jsa = new File(basedir, 'target/function.jsa')
assert jsa.isFile() && jsa.length() > 100_000 : 'no class-data archive at target/function.jsa'
assert log.contains('bricks:archive wrote ') && log.contains('-XX:SharedArchiveFile=') : 'no JAVA_TOOL_OPTIONS printed'
assert log.contains("Lambda's java17 runtime is Amazon Corretto 17 loading /var/task") : 'no explanation of the target runtime'

// 7. bricks:help -Ddetail lists every goal with its parameters, their defaults and user properties
def helpStart = log.indexOf('This plugin has ')
assert helpStart >= 0 : 'bricks:help printed no goal list'
def help = log.substring(helpStart)
assert help =~ /This plugin has 5 goals:/ : 'bricks:help does not count five goals (archive, help, invoke, run, zip)'
def expected = [
    run    : ['template': 'bricks.template', 'port': 'bricks.port', 'state': 'bricks.state',
              'parameterOverrides': 'bricks.parameterOverrides', 'parameters': null, 'envVars': 'bricks.envVars',
              'noColor': 'bricks.noColor', 'runFor': 'bricks.runFor'],
    invoke : ['handler': 'bricks.handler', 'event': 'bricks.event', 'jvmOptions': 'bricks.jvmOptions'],
    archive: ['handler': 'bricks.handler', 'trainingEvent': 'bricks.trainingEvent', 'kind': 'bricks.archive.kind',
              'jdk': 'bricks.archive.jdk', 'runtime': 'bricks.runtime', 'archive': 'bricks.archive',
              'memoryMb': 'bricks.memory', 'environment': null, 'dynamoDbEndpoint': 'bricks.dynamodbEndpoint',
              'eventBridgeEndpoint': 'bricks.eventbridgeEndpoint', 'template': 'bricks.template',
              'functionOnClassPath': 'bricks.archive.functionOnClassPath', 'skip': 'bricks.archive.skip'],
    zip    : ['zip': 'bricks.zip', 'skip': 'bricks.zip.skip'],
]
// Maven prefixes only a message's first line with [INFO]; descriptions wrap at 80 columns
def goalAt = { String goal ->
    def m = help =~ /(?m)^(\[INFO\] )?bricks:${goal}\s*$/
    m.find() ? m.start() : -1
}
expected.each { goal, parameters ->
    int at = goalAt(goal)
    assert at >= 0 : "bricks:help does not list bricks:${goal}"
    def ends = (expected.keySet() + ['help']).collect { goalAt(it) }.findAll { it > at }
    def section = help.substring(at, ends ? ends.min() : help.length())
    assert section.contains('Available parameters:') : "bricks:help -Ddetail shows no parameters for bricks:${goal}"
    parameters.each { name, property ->
        assert section =~ /(?m)^(\[INFO\] )?\s+${name}( \(Default:|\s*$)/ : "bricks:${goal}'s help does not list ${name}"
        if (property != null) {
            assert section.contains('User property: ' + property) : "bricks:${goal}'s help does not name -D${property}"
        }
    }
}
def prose = help.replaceAll(/\s*\n(\[INFO\])?\s*/, ' ')
assert prose.contains('Runs the project\'s SAM template on bricks-local until Ctrl-C') : 'bricks:run has no description'
assert help =~ /port \(Default: 3000\)/ : 'bricks:run does not show the default port'
assert !(help =~ /(?m)^(\[INFO\] )?\s+(classpath|classesDirectory|basedir|projectJar|artifacts|buildDirectory)( \(Default:|\s*$)/) : 'bricks:help lists a read-only parameter'

// 8. Ctrl-C on bricks:run (a separate Maven run, started and interrupted by the script)
evaluate(new File(basedir, 'interrupt.groovy'))
return true
