package dev.bricks.local.template;

/**
 * A CloudFormation intrinsic function as written in the template, in short form ({@code !Sub …}) or long
 * form ({@code Fn::Sub: …}, {@code Ref: …}), before evaluation.
 *
 * @param function the long name: {@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}, {@code Condition}, …
 * @param argument the argument as read (a string, list, map or nested intrinsic)
 * @param location where it is written
 */
record Intrinsic(String function, Object argument, Location location) {}
