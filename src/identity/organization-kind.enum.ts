/** The provider runs the support service; clients receive it. */
export enum OrganizationKind {
  PROVIDER = 'PROVIDER',
  CLIENT = 'CLIENT',
}
