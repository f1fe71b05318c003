s = ['abc'; 'def'];
size(s)
