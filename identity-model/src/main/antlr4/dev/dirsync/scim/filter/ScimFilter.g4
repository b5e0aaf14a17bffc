/*
 * SCIM 2.0 filters (RFC 7644 §3.4.2.2) and PATCH paths (RFC 7644 §3.5.2).
 *
 * Precedence follows the RFC: grouping and "not" bind tightest, then "and", then "or". Keywords and operators
 * are case-insensitive. One leniency beyond the RFC ABNF, because IdPs send it: a value path followed by a
 * sub-attribute comparison, emails[type eq "work"].value eq "x", which means emails[type eq "work" and value eq "x"].
 */
grammar ScimFilter;

filterRoot : filter EOF ;
pathRoot   : path EOF ;

filter
    : LPAREN filter RPAREN                                                  # groupExp
    | NOT LPAREN filter RPAREN                                              # notExp
    | attrPath LBRACKET filter RBRACKET (DOTNAME (PR | compareOp compValue))? # valuePathExp
    | attrPath PR                                                           # presentExp
    | attrPath compareOp compValue                                          # compareExp
    | filter AND filter                                                     # andExp
    | filter OR filter                                                      # orExp
    ;

path
    : attrPath (LBRACKET filter RBRACKET DOTNAME?)?
    ;

attrPath : ATTRPATH | keywordAsName ;

// Attribute names that collide with keywords stay usable as names ("pr", "and" ... are legal ATTRNAMEs).
keywordAsName : AND | OR | NOT | PR | EQ | NE | CO | SW | EW | GT | LT | GE | LE | TRUE | FALSE | NULL ;

compareOp : EQ | NE | CO | SW | EW | GT | LT | GE | LE ;

compValue : STRING | NUMBER | TRUE | FALSE | NULL ;

AND   : [aA][nN][dD] ;
OR    : [oO][rR] ;
NOT   : [nN][oO][tT] ;
PR    : [pP][rR] ;
EQ    : [eE][qQ] ;
NE    : [nN][eE] ;
CO    : [cC][oO] ;
SW    : [sS][wW] ;
EW    : [eE][wW] ;
GT    : [gG][tT] ;
LT    : [lL][tT] ;
GE    : [gG][eE] ;
LE    : [lL][eE] ;
TRUE  : [tT][rR][uU][eE] ;
FALSE : [fF][aA][lL][sS][eE] ;
NULL  : [nN][uU][lL][lL] ;

LPAREN   : '(' ;
RPAREN   : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;

NUMBER : '-'? [0-9]+ ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;

STRING : '"' ( '\\' ["\\/bfnrt] | '\\u' HEX HEX HEX HEX | ~["\\\u0000-\u001F] )* '"' ;

// A whole attribute path in one token: optional schema URN prefix (which contains ':' and '.'), the attribute
// name and an optional ".subAttribute". Split into its parts by the AST builder.
ATTRPATH : [a-zA-Z$] [a-zA-Z0-9_:.$\-]* ;

DOTNAME : '.' [a-zA-Z$] [a-zA-Z0-9_$\-]* ;

WS : [ \t\r\n]+ -> skip ;

// Anything else is a syntax error reported by the parser, not silently skipped.
ERROR_CHAR : . ;

fragment HEX : [0-9a-fA-F] ;
