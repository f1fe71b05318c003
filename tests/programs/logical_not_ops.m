a = [1 0 2];
~a
!a
a & [1 1 0]
a | [0 0 0]
xor(true, false)
