package dev.bricks.dynamo.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bricks.dynamo.InvalidKeyValueException;
import dev.bricks.dynamo.KeyTemplateMissingValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {
    private final KeyTemplate doc = KeyTemplate.parse("DOC SK", "USER#{userId}#DOC#{docId}");

    @Test
    void delimiters_areTheNonAlphanumericLiteralCharacters() {
        assertThat(doc.delimiters()).isEqualTo("#");
        assertThat(KeyTemplate.parse("T", "A-{x}/B.{y}").delimiters()).isEqualTo("-/.");
        assertThat(KeyTemplate.parse("T", "PROFILE").delimiters()).isEmpty();
    }

    @Test
    void render_collisionPair_isRefusedInsteadOfColliding() {
        assertThat(doc.render("u1", "x")).isEqualTo("USER#u1#DOC#x");
        assertThatThrownBy(() -> doc.render("u1#DOC#x", "y"))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessage(
                        "Key template 'USER#{userId}#DOC#{docId}' of DOC SK: value 'u1#DOC#x' of component 'userId' "
                                + "(placeholder 1) contains the delimiter '#'");
        assertThatThrownBy(() -> doc.render("u1", "x#DOC#y"))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("component 'docId' (placeholder 2)");
    }

    @Test
    void renderPrefix_endsAtTheLiteralAfterTheLastValue() {
        assertThat(doc.renderPrefix()).isEqualTo("USER#");
        assertThat(doc.renderPrefix("u1")).isEqualTo("USER#u1#DOC#");
        assertThat(doc.renderPrefix("u1", "d1")).isEqualTo("USER#u1#DOC#d1");
        assertThat("USER#u10#DOC#d1").doesNotStartWith(doc.renderPrefix("u1"));
    }

    @Test
    void render_emptyOrNull_isRefusedNamingTheComponent() {
        assertThatThrownBy(() -> doc.render("", "d1"))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("value '' of component 'userId' (placeholder 1) is empty");
        assertThatThrownBy(() -> doc.renderPrefix("u1", "")).isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> doc.render("u1", null)).isInstanceOf(KeyTemplateMissingValueException.class);
        assertThat(doc.renderOrNull("u1", null)).isNull();
    }

    @Test
    void render_byName_formatsScalarsExactly() {
        KeyTemplate t = KeyTemplate.parse("T", "{at}#{amount}");
        assertThat(t.render(Map.of("at", Instant.parse("2026-01-02T03:04:05Z"), "amount", new BigDecimal("1E+2"))))
                .isEqualTo("2026-01-02T03:04:05Z#100");
    }

    @Test
    void parse_adjacentPlaceholders_isRefused() {
        assertThatThrownBy(() -> KeyTemplate.parse("T PK", "{a}{b}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Key template '{a}{b}' of T PK has placeholders {a} and {b} without a delimiter between them");
    }

    @Test
    void allowEmpty_optionalComponentMayBeEmptyOthersNot() {
        KeyTemplate t = doc.allowEmpty("docId");
        assertThat(t.render("u1", "")).isEqualTo("USER#u1#DOC#");
        assertThat(t.renderPrefix("u1", "")).isEqualTo("USER#u1#DOC#");
        assertThatThrownBy(() -> t.render("", "d1"))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("component 'userId' (placeholder 1) is empty");
        assertThatThrownBy(() -> t.render("u1", "d#1")).isInstanceOf(InvalidKeyValueException.class);
        assertThatThrownBy(() -> doc.allowEmpty("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Key template 'USER#{userId}#DOC#{docId}' of DOC SK has no component 'nope'");
    }

    @Test
    void allowEmpty_keyThatWouldRenderEmpty_isRefused() {
        KeyTemplate bare = KeyTemplate.parse("T PK", "{a}").allowEmpty("a");
        assertThatThrownBy(() -> bare.render(""))
                .isInstanceOf(InvalidKeyValueException.class)
                .hasMessageContaining("is empty and the key would be empty");
    }

    @Test
    void endsAtLiteral_trueForProperPrefixesAndTemplatesEndingInLiteral() {
        assertThat(doc.endsAtLiteral(1)).isTrue();
        assertThat(doc.endsAtLiteral(2)).isFalse();
        assertThat(KeyTemplate.parse("T", "ORDER#{id}#").endsAtLiteral(1)).isTrue();
    }
}
