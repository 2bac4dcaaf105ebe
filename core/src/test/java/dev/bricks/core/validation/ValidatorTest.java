package dev.bricks.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidatorTest {

    record Address(@NotBlank String city) {}

    record Line(@NotBlank String sku, @Min(1) @Max(10) int quantity) {}

    record Customer(
            @NotNull String id,
            @NotBlank String name,
            @NotEmpty List<String> tags,
            @Size(min = 2, max = 3) String code,
            @Min(0) BigDecimal balance,
            @Max(5) Long level,
            @Pattern(regexp = "[a-z]+@[a-z.]+") String email,
            Address address,
            List<Line> lines,
            @NotEmpty(message = "give at least one") Map<String, String> labels) {}

    private static Customer valid() {
        return new Customer(
                "c1",
                "Ana",
                List.of("t"),
                "PT",
                BigDecimal.ONE,
                3L,
                "ana@example.com",
                new Address("Lisbon"),
                List.of(new Line("A", 2)),
                Map.of("k", "v"));
    }

    @Test
    void validate_validValue_hasNoViolation() {
        assertThat(Validator.of(Customer.class).validate(valid())).isEmpty();
    }

    static Stream<Arguments> invalidCustomers() {
        Customer v = valid();
        return Stream.of(
                Arguments.of(
                        new Customer(
                                null,
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "id",
                        "must not be null"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                "  ",
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "name",
                        "must not be blank"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                List.of(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "tags",
                        "must not be empty"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                "P",
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "code",
                        "size must be between 2 and 3"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                new BigDecimal("-0.5"),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "balance",
                        "must be greater than or equal to 0"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                6L,
                                v.email(),
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "level",
                        "must be less than or equal to 5"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                "ANA",
                                v.address(),
                                v.lines(),
                                v.labels()),
                        "email",
                        "must match [a-z]+@[a-z.]+"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                new Address(""),
                                v.lines(),
                                v.labels()),
                        "address.city",
                        "must not be blank"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                List.of(new Line("A", 1), new Line("B", 11)),
                                v.labels()),
                        "lines[1].quantity",
                        "must be less than or equal to 10"),
                Arguments.of(
                        new Customer(
                                v.id(),
                                v.name(),
                                v.tags(),
                                v.code(),
                                v.balance(),
                                v.level(),
                                v.email(),
                                v.address(),
                                v.lines(),
                                Map.of()),
                        "labels",
                        "give at least one"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidCustomers")
    void validate_oneInvalidField_namesFieldAndReason(Customer customer, String field, String message) {
        assertThat(Validator.of(Customer.class).validate(customer)).containsExactly(new Violation(field, message));
    }

    @Test
    void validate_nullsOnOptionalConstraints_pass() {
        Customer v = valid();
        Customer customer = new Customer(v.id(), v.name(), v.tags(), null, null, null, null, null, null, v.labels());

        assertThat(Validator.of(Customer.class).validate(customer)).isEmpty();
    }

    @Test
    void requireValid_severalInvalid_throwsListingEveryOne() {
        Customer v = valid();
        Customer customer = new Customer(
                null, "", v.tags(), v.code(), v.balance(), v.level(), v.email(), v.address(), v.lines(), v.labels());

        assertThatThrownBy(() -> Validator.of(Customer.class).requireValid(customer))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(
                                        new Violation("id", "must not be null"),
                                        new Violation("name", "must not be blank")));
    }

    @Test
    void of_sameType_returnsCachedValidator() {
        assertThat(Validator.of(Customer.class)).isSameAs(Validator.of(Customer.class));
        assertThat(Validator.of(String.class).hasConstraints()).isFalse();
    }

    record WrongTarget(@NotBlank int count) {}

    record BadPattern(@Pattern(regexp = "[") String s) {}

    record BadSize(@Size(min = 5, max = 1) String s) {}

    @Test
    void of_misplacedConstraint_failsAtBuildNamingComponent() {
        assertThatThrownBy(() -> Validator.of(WrongTarget.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@NotBlank on WrongTarget.count");
        assertThatThrownBy(() -> Validator.of(BadPattern.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BadPattern.s")
                .hasMessageContaining("'['");
        assertThatThrownBy(() -> Validator.of(BadSize.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("min 5 and max 1");
    }

    record Basket(List<Line> lines, List<@Nullable Line> optional, List<@Pattern(regexp = "[A-Z]+") String> codes) {}

    @Test
    void validate_nullListElement_rejectedUnlessNullable() {
        List<Line> lines = new ArrayList<>();
        lines.add(null);
        List<Line> optional = new ArrayList<>();
        optional.add(null);

        List<Violation> violations = Validator.of(Basket.class).validate(new Basket(lines, optional, List.of()));

        assertThat(violations).containsExactly(new Violation("lines[0]", "must not be null"));
    }

    @Test
    void validate_elementConstraintsAndNestedRecords_reportedPerIndex() {
        Basket basket = new Basket(List.of(new Line("A", 1), new Line("", 11)), List.of(), List.of("AB", "ab"));

        List<Violation> violations = Validator.of(Basket.class).validate(basket);

        assertThat(violations)
                .containsExactly(
                        new Violation("lines[1].sku", "must not be blank"),
                        new Violation("lines[1].quantity", "must be less than or equal to 10"),
                        new Violation("codes[1]", "must match [A-Z]+"));
    }

    record MisplacedElement(List<@Min(1) String> names) {}

    @Test
    void of_elementConstraintOfWrongType_failsNamingComponent() {
        assertThatThrownBy(() -> Validator.of(MisplacedElement.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Min on MisplacedElement.names element needs a number, not String");
    }
}
