package @@package@@;

import static dev.bricks.test.BricksAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.core.http.ProblemType;
import dev.bricks.test.HttpEvents;
import dev.bricks.test.HttpResult;
import dev.bricks.test.TestInvoker;
import org.junit.jupiter.api.Test;

/**
 * The handler as Lambda runs it: events in API Gateway's HTTP API shape (payload 2.0), answers as Lambda returns
 * them.
 */
class GreetingFunctionTest {

    private final GreetingFunction handler = new GreetingFunction();

    @Test
    void greet_validName_answers200WithTheGreeting() {
        String event = HttpEvents.v2()
                .post("/greetings")
                .json(new GreetingFunction.GreetingRequest("Ada"))
                .build();

        HttpResult response = TestInvoker.invoke(handler, event).http();

        assertThat(response).hasStatus(200);
        assertThat(response.body(GreetingFunction.Greeting.class))
                .isEqualTo(new GreetingFunction.Greeting("Hello, Ada!"));
    }

    @Test
    void greet_blankName_answers422NamingTheField() {
        String event = HttpEvents.v2().post("/greetings").json("{\"name\":\"  \"}").build();

        HttpResult response = TestInvoker.invoke(handler, event).http();

        assertThat(response)
                .isProblem(ProblemType.INVALID_FIELDS)
                .hasFieldError("name", "must not be blank")
                .hasErrorFieldsExactly("name");
    }

    @Test
    void greet_nameTooLong_answers422WithTheLimit() {
        String event = HttpEvents.v2()
                .post("/greetings")
                .json(new GreetingFunction.GreetingRequest("x".repeat(65)))
                .build();

        assertThat(TestInvoker.invoke(handler, event).http())
                .isProblem(ProblemType.INVALID_FIELDS)
                .hasFieldError("name", "size must be at most 64");
    }

    @Test
    void greet_bodyNotJson_answers400() {
        String event = HttpEvents.v2().post("/greetings").json("{\"name\":").build();

        assertThat(TestInvoker.invoke(handler, event).http()).isProblem(ProblemType.MALFORMED_JSON);
    }

    @Test
    void handleRequest_unknownRoute_answers404() {
        String event = HttpEvents.v2().get("/nothing-here").build();

        assertThat(TestInvoker.invoke(handler, event).http()).isProblem(ProblemType.NOT_FOUND);
    }
}
