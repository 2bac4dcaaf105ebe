package dev.bricks.dynamo.model;

import java.util.List;

public record Address(String street, String city, String zip, List<String> lines) {}
