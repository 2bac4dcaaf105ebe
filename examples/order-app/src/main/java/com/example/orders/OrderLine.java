package com.example.orders;

import java.math.BigDecimal;

/** One line of a stored order: the product, how many, and the unit price when it was ordered. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {}
