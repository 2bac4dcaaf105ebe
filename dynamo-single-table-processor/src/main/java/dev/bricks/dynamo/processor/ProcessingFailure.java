package dev.bricks.dynamo.processor;

import javax.lang.model.element.Element;

/** A compile error on an element: thrown by the reader and validator, reported once by the processor. */
final class ProcessingFailure extends RuntimeException {
    private final transient Element element;

    ProcessingFailure(Element element, String message) {
        super(message, null, false, false);
        this.element = element;
    }

    /** Where the error is reported. */
    Element element() {
        return element;
    }
}
