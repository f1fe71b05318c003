s = 'it''s'
t = "tab\there"
printf("%d items\n", 3);
u = ['say "hi"']
numel("a\nb")
