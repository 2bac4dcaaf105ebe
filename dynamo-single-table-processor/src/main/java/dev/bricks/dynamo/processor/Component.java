package dev.bricks.dynamo.processor;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One record component or bean property, as the generator sees it.
 *
 * @param name Java name
 * @param attribute attribute name in the item (after {@code @Attribute})
 * @param type declared type
 * @param element where errors about it are reported
 * @param getter accessor call, e.g. {@code status()} or {@code getStatus()}
 * @param setter bean setter name, or null for a record component
 * @param converter qualified name of the {@code @Convert} converter class, or null
 */
record Component(
        String name,
        String attribute,
        TypeMirror type,
        Element element,
        String getter,
        String setter,
        String converter) {}
