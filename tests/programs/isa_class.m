x = 3;
class(x)
class('a')
class(x > 1)
isa(x, 'double')
isa(x, 'numeric')
isa(true, 'numeric')
isa(1, 'float')
