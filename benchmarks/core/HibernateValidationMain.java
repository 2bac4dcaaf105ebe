import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Cold-start comparison only (cold-start.sh): the same order validated with Jakarta Bean Validation
 * (Hibernate Validator 8 + Expressly). Not part of the build.
 */
public final class HibernateValidationMain {

    public record Item(@NotBlank String sku, @Min(1) @Max(100) int quantity) {
    }

    public record PlaceOrder(@NotBlank String userId, @NotEmpty @Size(max = 50) List<@Valid Item> items) {
    }

    public static void main(String[] args) {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        PlaceOrder order = new PlaceOrder(" ", List.of(new Item("", 0)));
        System.out.println(validator.validate(order).size() + " violations");
    }
}
