package dev.bricks.benchmarks.core;

import dev.bricks.core.samples.PlaceOrderHandler.Item;
import dev.bricks.core.samples.PlaceOrderHandler.PlaceOrder;
import dev.bricks.core.validation.Validator;
import java.util.List;

/** Cold-start comparison only (benchmarks/core/cold-start.sh): build a validator, validate one invalid order. */
public final class BricksValidationMain {

    private BricksValidationMain() {}

    public static void main(String[] args) {
        PlaceOrder order = new PlaceOrder(" ", List.of(new Item("", 0)));
        System.out.println(Validator.of(PlaceOrder.class).validate(order).size() + " violations");
    }
}
