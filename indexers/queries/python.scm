; One pass over each file's tree collects everything the extractor needs (indexers/extract.py).
; Capture names are the contract with the extractor; nodes come back in document order.

; Definitions: functions and methods (nested too) and classes.
(function_definition) @def
(class_definition) @def
(lambda) @def

; Every call (the extractor takes the callee from the first child: cheaper than a second capture,
; whose list would not be aligned with this one).
(call) @call

; Imports (`from __future__` is a separate node type and deliberately not captured).
(import_statement) @import
(import_from_statement) @import

; Return paths (for None analysis) and generators (whose fall-through is not a None return).
(return_statement) @return
(yield) @yield

; Name bindings: assignments are analysed for simple type flow; the rest only mark a name as
; locally bound so that a call through it is never resolved to an outer definition by mistake.
(assignment) @assign
(augmented_assignment left: (identifier) @bind)
(for_statement left: (_) @bindpat)
(for_in_clause left: (_) @bindpat)
(as_pattern_target) @bindpat
(named_expression name: (identifier) @bind)
; Arguments that may be function references or values passed into parameters (the extractor keeps
; those naming a def, an import, a binding or a parameter, or a dotted chain or call on one) and
; raised classes.
(argument_list (identifier) @arg)
(argument_list (lambda) @argl)
(keyword_argument value: (identifier) @arg)
(keyword_argument value: (lambda) @argl)
(argument_list (attribute) @argx)
(argument_list (call) @argx)
(keyword_argument value: (attribute) @argx)
(keyword_argument value: (call) @argx)
(raise_statement) @raise

(global_statement (identifier) @global)
(nonlocal_statement (identifier) @global)

; os.environ["X"] / environ["X"] (calls like os.getenv are found among the calls).
(subscript value: (attribute attribute: (identifier) @_env) (#eq? @_env "environ")) @envsub
(subscript value: (identifier) @_env2 (#eq? @_env2 "environ")) @envsub
