package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.PrimaryKey;

/** A document of a user under an owner: a sort key with two components, for key-injection tests. */
@Entity(type = "DOC")
@PrimaryKey(pk = "OWNER#{ownerId}", sk = "USER#{userId}#DOC#{docId}")
public record Doc(String ownerId, String userId, String docId, String title) {}
