['a' 66]
[65 'b']
blanks(3)
['[' blanks(2) ']']
repmat('-', 1, 10)
