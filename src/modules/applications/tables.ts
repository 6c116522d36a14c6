export interface ApplicationsTables {}
