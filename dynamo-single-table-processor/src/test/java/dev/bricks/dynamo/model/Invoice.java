package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Convert;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;

/** An invoice whose total is stored by a user-written converter. */
@Entity(type = "INVOICE")
@PrimaryKey(pk = "INVOICE#{id}", sk = "INVOICE")
public record Invoice(
        String id, @Convert(MoneyConverter.class) Money total) {}
