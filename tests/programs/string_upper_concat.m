a = 'Hello'; b = 'World';
c = [upper(a) ' ' lower(b)]
double('AZ')
char([72 105])
