// Calls GET /hello/it as soon as bricks:run (invocation 5) prints its API endpoint into build.log, and writes the
// answer to served.txt for verify.groovy. Runs on a daemon thread of the outer build while the invocations run.
import java.util.regex.Pattern

def log = new File(basedir, 'build.log')
def served = new File(basedir, 'served.txt')
def api = Pattern.compile('API\\s+(http://127\\.0\\.0\\.1:\\d+)')
Thread.startDaemon('bricks-it-probe') {
    long deadline = System.currentTimeMillis() + 600_000
    String url = null
    while (url == null && System.currentTimeMillis() < deadline) {
        def m = log.exists() ? api.matcher(log.getText('UTF-8')) : null
        if (m != null && m.find()) {
            url = m.group(1) + '/hello/it'
        } else {
            sleep(200)
        }
    }
    while (url != null && System.currentTimeMillis() < deadline) {
        try {
            def connection = new URL(url).openConnection()
            connection.readTimeout = 15_000
            int status = connection.responseCode
            served.setText(status + ' ' + connection.inputStream.getText('UTF-8'), 'UTF-8')
            return
        } catch (IOException e) {
            sleep(200)
        }
    }
}
return true
