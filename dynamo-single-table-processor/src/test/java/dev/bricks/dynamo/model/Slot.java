package dev.bricks.dynamo.model;

import dev.bricks.dynamo.annotation.AllowEmpty;
import dev.bricks.dynamo.annotation.Entity;
import dev.bricks.dynamo.annotation.Index;
import dev.bricks.dynamo.annotation.PrimaryKey;

/**
 * A room booking slot whose day and room may be empty (not yet assigned): optional key components between two
 * literals and at the end of the sort key, and in an index key.
 */
@Entity(type = "SLOT")
@PrimaryKey(pk = "CAL#{calendarId}", sk = "DAY#{day}#ROOM#{room}")
@Index(name = "GSI1", pk = "ROOM#{room}", sk = "SLOT#{calendarId}")
public record Slot(
        String calendarId,
        @AllowEmpty String day,
        @AllowEmpty String room,
        String title) {}
